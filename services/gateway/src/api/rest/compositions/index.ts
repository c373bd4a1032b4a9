import { CompositionsController } from './compositions.controller.js';
import { ReservationsController } from './reservations.controller.js';

/** The REST endpoints over compositions: create, preview, reserve, apply, read, change, decompose. */
export const compositionControllers = [CompositionsController, ReservationsController];
