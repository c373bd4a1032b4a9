import { EventsController } from './events.controller.js';

/** The event stream (Server-Sent Events). */
export const eventControllers = [EventsController];
