import { fork, type ChildProcess } from 'node:child_process';

/**
 * An HTTP client in a process of its own, as a HIS on another machine would be: the bench's
 * timed request then costs the server's event loop only the server's work, not also the client's
 * encoding and writing of a body of tens of megabytes (issue #11: honest baselines — the
 * SQL baselines' clients send prepared bytes too). `load` reads the body before the clock starts.
 */
export class RemoteClient {
  private readonly child: ChildProcess = fork(new URL('./remote-client.child.ts', import.meta.url), { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });

  load(file: string): Promise<void> {
    return this.ask({ load: { file } }).then(() => undefined);
  }

  /** POSTs the loaded body; resolves with the status and the text of the answer. */
  post(url: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    return this.ask({ go: { url, headers } }) as Promise<{ status: number; text: string }>;
  }

  close(): void {
    this.child.disconnect();
  }

  private ask(m: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the client process exited (${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (r) => {
        this.child.off('exit', onExit);
        resolve(r);
      });
      this.child.send(m as object);
    });
  }
}
