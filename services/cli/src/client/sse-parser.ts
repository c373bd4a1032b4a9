/** One dispatched Server-Sent Event. */
export interface SseMessage {
  /** The `event:` field; `message` when absent. */
  readonly event: string;
  readonly data: string;
  /** The last event id as of this message (`id:` of this or an earlier message). */
  readonly lastEventId: string | undefined;
}

/**
 * Parses a `text/event-stream` incrementally, as the HTML standard's "event stream
 * interpretation" says: lines end in CRLF, LF or CR (also split across chunks); `:` starts a
 * comment; a blank line dispatches the buffered `data:` lines joined by LF; `id:` persists
 * until changed (and an id containing NUL is ignored); `retry:` sets the reconnection delay.
 */
export class SseParser {
  private buffer = '';
  private startOfStream = true;
  /** The previous chunk ended in CR: a LF at the start of the next one belongs to it. */
  private pendingCr = false;
  private data: string[] = [];
  private event = '';
  private lastId: string | undefined;
  private retry: number | undefined;

  constructor(lastEventId?: string) {
    this.lastId = lastEventId;
  }

  /** The id a reconnection sends as `Last-Event-ID`. */
  get lastEventId(): string | undefined {
    return this.lastId;
  }

  /** The server's `retry:` in milliseconds, once it sent one. */
  get retryMs(): number | undefined {
    return this.retry;
  }

  /** Feeds decoded text; answers the messages it completes. */
  push(chunk: string): SseMessage[] {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    if (this.startOfStream && text.length > 0) {
      if (text.startsWith('\uFEFF')) text = text.slice(1);
      this.startOfStream = false;
    }
    this.buffer += text;
    const messages: SseMessage[] = [];
    const lineEnd = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = lineEnd.exec(this.buffer); match !== null; match = lineEnd.exec(this.buffer)) {
      if (match[0] === '\r' && match.index === this.buffer.length - 1) {
        this.pendingCr = true;
      }
      const message = this.line(this.buffer.slice(start, match.index));
      if (message !== undefined) messages.push(message);
      start = match.index + match[0].length;
    }
    this.buffer = this.buffer.slice(start);
    return messages;
  }

  private line(line: string): SseMessage | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value === '' ? undefined : value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
    return undefined;
  }

  private dispatch(): SseMessage | undefined {
    const data = this.data;
    const event = this.event;
    this.data = [];
    this.event = '';
    if (data.length === 0) return undefined;
    return {
      event: event === '' ? 'message' : event,
      data: data.join('\n'),
      lastEventId: this.lastId,
    };
  }
}
