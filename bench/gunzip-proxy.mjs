// A loopback proxy for the sync benchmark, in its own process: it forwards every request to the
// msp-server, decompressing gzip request bodies on the way. It exists because the agent gzips
// pushes above 16 KB and msp-server does not decode Content-Encoding: gzip (the benchmark says
// so when it has to use this); everything else passes through untouched.
// usage: node bench/gunzip-proxy.mjs TARGET_PORT    Prints the port it listens on.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

const target = Number(process.argv[2]);
const upstream = new http.Agent({ keepAlive: true });

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let body = Buffer.concat(chunks);
    const headers = { ...request.headers };
    if (headers['content-encoding'] === 'gzip') {
      body = gunzipSync(body);
      delete headers['content-encoding'];
    }
    headers['content-length'] = String(body.length);
    const forwarded = http.request({ host: '127.0.0.1', port: target, method: request.method, path: request.url, headers, agent: upstream }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forwarded.on('error', (error) => {
      if (response.headersSent) {
        response.destroy(error);
        return;
      }
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: `proxy: ${error.message}` }));
    });
    forwarded.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
