// A webhook receiver for the benchmark: answers every POST 204 at once and
// counts them; GET /count answers the count. Prints its port when listening.
import http from "node:http";

let received = 0;
const server = http.createServer((req, res) => {
  if (req.method === "GET") {
    res.writeHead(200, { "content-type": "text/plain" }).end(String(received));
    return;
  }
  req.resume();
  req.on("end", () => {
    received += 1;
    res.writeHead(204).end();
  });
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
