import { describe, expect, it } from 'vitest';
import { AnswerTally } from './answer-tally.js';

describe('AnswerTally', () => {
  it('counts every request per route and only the answers that were not 2xx as unexpected', () => {
    const tally = new AnswerTally();
    tally.record('POST /v1/compositions', 202);
    tally.record('POST /v1/compositions', 409, 'conflict');
    tally.record('GET /v1/compositions/{id}', 200);
    tally.record('GET /v1/compositions/{id}', 200);
    tally.record('GET /v1/compositions/{id}', 503, 'composer unavailable');
    tally.record('GET /v1/compositions/{id}', 503, 'composer unavailable');
    expect(tally.requestCounts()).toEqual({
      'POST /v1/compositions': 2,
      'GET /v1/compositions/{id}': 4,
    });
    expect(tally.unexpectedAnswers()).toMatchObject({
      total: 3,
      byRouteAndStatus: {
        'GET /v1/compositions/{id} → 503': 2,
        'POST /v1/compositions → 409': 1,
      },
    });
    expect(Object.keys(tally.unexpectedAnswers().byRouteAndStatus)[0]).toBe(
      'GET /v1/compositions/{id} → 503',
    );
  });

  it('counts a request without an answer as a network failure', () => {
    const tally = new AnswerTally();
    tally.record('DELETE /v1/compositions/{id}', undefined, 'ECONNRESET');
    expect(tally.unexpectedAnswers().byRouteAndStatus).toEqual({
      'DELETE /v1/compositions/{id} → network': 1,
    });
  });

  it('keeps the first examples of each route and status, so a rare failure is not crowded out', () => {
    const tally = new AnswerTally(1);
    for (let at = 0; at < 100; at += 1)
      tally.record('POST /v1/compositions', 404, `not found ${at}`);
    tally.record('GET /v1/hosts', 500, 'boom');
    tally.record('GET /v1/hosts', 301, 'moved');
    expect(tally.unexpectedAnswers()).toMatchObject({
      total: 102,
      examples: [
        'POST /v1/compositions → 404: not found 0',
        'GET /v1/hosts → 500: boom',
        'GET /v1/hosts → 301: moved',
      ],
    });
  });

  it('reports nothing unexpected when every answer was 2xx', () => {
    const tally = new AnswerTally();
    tally.record('GET /healthz', 200);
    expect(tally.unexpectedAnswers()).toEqual({ total: 0, byRouteAndStatus: {}, examples: [] });
  });
});
