import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.js';

describe('SseParser', () => {
  it('dispatches a message at a blank line, with its id', () => {
    const parser = new SseParser();
    expect(parser.push('id: 1:1\ndata: {"a":1}\n\n')).toEqual([
      { event: 'message', data: '{"a":1}', lastEventId: '1:1' },
    ]);
    expect(parser.lastEventId).toBe('1:1');
  });

  it('joins data lines with LF and reads event names', () => {
    const parser = new SseParser();
    expect(parser.push('event: change\ndata: first\ndata: second\n\n')).toEqual([
      { event: 'change', data: 'first\nsecond', lastEventId: undefined },
    ]);
  });

  it('reassembles messages split anywhere across chunks', () => {
    const text =
      'retry: 2000\n\nid: 7:3\ndata: {"kind":"composition"}\n\n: keep-alive\n\nid: 7:4\ndata: x\n\n';
    for (let cut = 1; cut < text.length; cut += 1) {
      const parser = new SseParser();
      const messages = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(messages.map((message) => [message.lastEventId, message.data])).toEqual([
        ['7:3', '{"kind":"composition"}'],
        ['7:4', 'x'],
      ]);
      expect(parser.retryMs).toBe(2000);
    }
  });

  it('takes CRLF and CR line ends, also a CRLF split between chunks', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\n\r\ndata: b\r\r')).toEqual([
      { event: 'message', data: 'a', lastEventId: undefined },
      { event: 'message', data: 'b', lastEventId: undefined },
    ]);
  });

  it('ignores comments, unknown fields, and blank lines without data', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\nfoo: bar\n\n\n')).toEqual([]);
  });

  it('keeps the last id across messages without one, and starts from a given id', () => {
    const parser = new SseParser('3:9');
    expect(parser.push('data: a\n\nid: 4:1\n\ndata: b\n\n').map((m) => m.lastEventId)).toEqual([
      '3:9',
      '4:1',
    ]);
  });

  it('strips one leading space only, and a BOM at the start of the stream', () => {
    const parser = new SseParser();
    expect(parser.push('\uFEFFdata:  two spaces\n\n')[0]?.data).toBe(' two spaces');
  });

  it('ignores a retry that is not a number and an id holding NUL', () => {
    const parser = new SseParser('1:1');
    parser.push('retry: soon\nid: a\0b\ndata: x\n\n');
    expect(parser.retryMs).toBeUndefined();
    expect(parser.lastEventId).toBe('1:1');
  });
});
