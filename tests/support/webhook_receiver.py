#!/usr/bin/env python3
"""A webhook receiver for the tests: a real HTTP server in its own process.

    webhook_receiver.py LOG [--fail-first N]

Prints "listening on <port>" once it serves on 127.0.0.1. Every request it gets
is appended to LOG as one JSON line with the Standard Webhooks headers, the body
and the status it answered. The first N requests of each webhook-id are answered
500, to make the sender retry; the others 204.
"""
import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("log")
parser.add_argument("--fail-first", type=int, default=0)
args = parser.parse_args()

lock = threading.Lock()
seen = {}


class Receiver(BaseHTTPRequestHandler):
    # Keep-alive: a sender reuses its connections, as against any real receiver.
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length") or 0)).decode("utf-8")
        message_id = self.headers.get("webhook-id", "")
        with lock:
            seen[message_id] = seen.get(message_id, 0) + 1
            status = 500 if seen[message_id] <= args.fail_first else 204
            line = {
                "id": message_id,
                "timestamp": self.headers.get("webhook-timestamp"),
                "signature": self.headers.get("webhook-signature"),
                "body": body,
                "status": status,
            }
            with open(args.log, "a", encoding="utf-8") as log:
                log.write(json.dumps(line) + "\n")
        self.send_response(status)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *_):
        pass


class Server(ThreadingHTTPServer):
    # A sender opens dozens of connections at once; the default backlog of 5
    # would drop the rest and make them wait a second to try again.
    request_queue_size = 128
    daemon_threads = True


server = Server(("127.0.0.1", 0), Receiver)
print(f"listening on {server.server_address[1]}", flush=True)
server.serve_forever()
