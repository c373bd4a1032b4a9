/** Where fleet publishes observations, and the composer's consumer group reading them. */
export const fleetTopic = 'tessera.fleet.events.v1';
export const attachConsumerGroup = 'tessera.composer.attach';
