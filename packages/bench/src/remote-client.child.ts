// The client side of a bench request, in a process of its own (remote-client.ts): the body is
// read from a file before the clock starts; on `go` it is POSTed in one write and the answer read.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';

type Message = { load: { file: string } } | { go: { url: string; headers: Record<string, string> } };

let body: Buffer | null = null;
process.on('message', (m: Message) => {
  if ('load' in m) {
    body = readFileSync(m.load.file);
    process.send!({ loaded: body.length });
    return;
  }
  const data = body!;
  const req = request(m.go.url, { method: 'POST', headers: { ...m.go.headers, 'content-length': String(data.length) } }, (res) => {
    const parts: Buffer[] = [];
    res.on('data', (c: Buffer) => parts.push(c));
    res.on('end', () => process.send!({ status: res.statusCode, text: Buffer.concat(parts).toString('utf8') }));
  });
  req.on('error', (e) => process.send!({ status: 0, text: e.message }));
  req.end(data);
});
process.on('disconnect', () => process.exit(0));
