import pg from 'pg';

export interface NotificationListenerOptions {
  readonly connectionString: string;
  readonly channel: string;
  /** Called on every notification, and after each (re)connect: one may have been missed. */
  readonly onNotify: () => void;
  readonly onError?: (error: Error) => void;
  readonly reconnectDelayMs?: number;
}

export interface NotificationListener {
  close(): Promise<void>;
}

/**
 * Keeps one connection LISTENing on `channel` and reconnects when it drops. Notifications only
 * wake readers early; readers still poll, so a lost notification delays work but never loses it.
 */
export async function listenForNotifications(
  options: NotificationListenerOptions,
): Promise<NotificationListener> {
  const reconnectDelayMs = options.reconnectDelayMs ?? 500;
  let closed = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: `tessera-listen-${options.channel}`.slice(0, 63),
    });
    const onFailure = (error?: Error): void => {
      if (error) options.onError?.(error);
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners();
      next.on('error', () => undefined);
      void next.end().catch(() => undefined);
      scheduleConnect();
    };
    next.on('notification', () => {
      options.onNotify();
    });
    next.on('error', onFailure);
    next.on('end', () => {
      onFailure();
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${options.channel.replaceAll('"', '""')}"`);
    } catch (error) {
      next.removeAllListeners();
      next.on('error', () => undefined);
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    options.onNotify();
  };

  const scheduleConnect = (): void => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (closed) return;
      connect().catch((error: unknown) => {
        options.onError?.(error as Error);
        scheduleConnect();
      });
    }, reconnectDelayMs);
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}

/** Sends a notification on `channel`; inside a transaction it is delivered at commit. */
export const notifySql = 'SELECT pg_notify($1, $2)';
