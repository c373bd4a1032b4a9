/** A sleep that `interrupt()` ends early, so loops that wait between attempts stop promptly. */
export class InterruptibleSleep {
  private wakeUp: (() => void) | undefined;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(finish, ms);
      const wakeUp = (): void => {
        clearTimeout(timer);
        if (this.wakeUp === wakeUp) this.wakeUp = undefined;
        resolve();
      };
      function finish(): void {
        wakeUp();
      }
      this.wakeUp = wakeUp;
    });
  }

  interrupt(): void {
    this.wakeUp?.();
  }
}
