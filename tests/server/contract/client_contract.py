#!/usr/bin/env python3
"""A client written against the Django reference peer's answers (Django OAuth Toolkit 1.7 + DRF 3.14, as listed in
the peer's NOTES.md), run unchanged against tokenbench-server: every check below holds for both.

    client_contract.py --base http://127.0.0.1:8701          # any running server (the peer, or ours)
    client_contract.py --server path/to/tokenbench-server    # starts ours with --demo on port 0, then checks it

Credentials are the peer's public test values (the demo seed carries the same ones); override them with the
variables of the peer's clients.env. Only the standard library: http.client, so headers arrive exactly as sent.
Exits 0 when every check passes, 1 otherwise, printing one line per failed check.
"""
import argparse
import base64
import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import uuid

ENV = {
    "DEMO_USERNAME": "alice",
    "DEMO_PASSWORD": "alice-password-1",
    "PASSWORD_CLIENT_ID": "refpeer-password-client",
    "PASSWORD_CLIENT_SECRET": "refpeer-password-secret-6f1d2c9b8a7e4d30",
    "CC_CLIENT_ID": "refpeer-cc-client",
    "CC_CLIENT_SECRET": "refpeer-cc-secret-0a9b8c7d6e5f4321",
}
for key in ENV:
    ENV[key] = os.environ.get(key, ENV[key])

failures = []
checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        failures.append(what)
        print("FAIL: " + what, flush=True)


class Client:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.base = base.rstrip("/")

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data

    def form(self, path, fields, basic=None, method="POST"):
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if basic:
            headers["Authorization"] = "Basic " + base64.b64encode(("%s:%s" % basic).encode()).decode()
        return self.request(method, path, urllib.parse.urlencode(fields), headers)

    def api(self, method, path, token=None, body=None, content_type="application/json"):
        headers = {}
        if token:
            headers["Authorization"] = "Bearer " + token
        if body is not None:
            headers["Content-Type"] = content_type
        return self.request(method, path, body, headers)


def password_grant(c, **extra):
    fields = {"grant_type": "password", "username": ENV["DEMO_USERNAME"], "password": ENV["DEMO_PASSWORD"]}
    fields.update(extra)
    return c.form("/o/token/", fields, basic=(ENV["PASSWORD_CLIENT_ID"], ENV["PASSWORD_CLIENT_SECRET"]))


def token_endpoint(c):
    status, headers, body = password_grant(c)
    check(status == 200, "password grant: 200 (got %d %r)" % (status, body[:200]))
    document = json.loads(body, object_pairs_hook=list)
    check([k for k, _ in document] == ["access_token", "expires_in", "token_type", "scope", "refresh_token"],
          "password grant: key order %r" % [k for k, _ in document])
    token = dict(document)
    check(isinstance(token["expires_in"], int) and token["expires_in"] > 0, "expires_in is a positive integer")
    check(token["token_type"] == "Bearer", "token_type Bearer")
    check(token["scope"] == "read write groups", "default scope is every scope: %r" % token["scope"])
    check(re.fullmatch(r"[A-Za-z0-9]{30,}", token["access_token"]) is not None, "access token: 30+ alphanumerics")
    check(headers.get("cache-control") == "no-store", "Cache-Control: no-store")
    check(headers.get("pragma") == "no-cache", "Pragma: no-cache")
    check(headers.get("content-type") == "application/json", "Content-Type: application/json")

    status, _, body = password_grant(c, password="wrong-password")
    check(status == 400 and json.loads(body) == {"error": "invalid_grant",
                                                 "error_description": "Invalid credentials given."},
          "wrong password: 400 invalid_grant (got %d %r)" % (status, body))
    status, headers, body = c.form("/o/token/", {"grant_type": "password", "username": ENV["DEMO_USERNAME"],
                                                 "password": ENV["DEMO_PASSWORD"]},
                                   basic=(ENV["PASSWORD_CLIENT_ID"], "wrong-secret"))
    check(status == 401 and json.loads(body) == {"error": "invalid_client"},
          "wrong secret: 401 invalid_client (got %d %r)" % (status, body))
    check(headers.get("www-authenticate") == 'Bearer error="invalid_client"', "invalid_client: WWW-Authenticate")
    status, _, body = c.form("/o/token/", {"username": "x"},
                             basic=(ENV["PASSWORD_CLIENT_ID"], ENV["PASSWORD_CLIENT_SECRET"]))
    check(status == 400 and json.loads(body) == {"error": "unsupported_grant_type"},
          "missing grant_type: 400 unsupported_grant_type (got %d %r)" % (status, body))
    status, _, body = c.form("/o/token/", {"grant_type": "password", "password": "x"},
                             basic=(ENV["PASSWORD_CLIENT_ID"], ENV["PASSWORD_CLIENT_SECRET"]))
    check(status == 400 and json.loads(body) == {"error": "invalid_request",
                                                 "error_description": "Request is missing username parameter."},
          "missing username: 400 invalid_request (got %d %r)" % (status, body))
    status, _, body = password_grant(c, scope="read nonsense")
    check(status == 400 and json.loads(body) == {"error": "invalid_scope"},
          "unknown scope: 400 invalid_scope (got %d %r)" % (status, body))
    status, _, body = password_grant(c, scope="write read")
    check(status == 200 and json.loads(body)["scope"] == "write read", "scope echoed in the order asked")
    status, _, body = c.form("/o/token/", {"grant_type": "client_credentials"},
                             basic=(ENV["PASSWORD_CLIENT_ID"], ENV["PASSWORD_CLIENT_SECRET"]))
    check(status == 400 and json.loads(body) == {"error": "unauthorized_client"},
          "grant not allowed for the client: 400 unauthorized_client (got %d %r)" % (status, body))
    for method in ("GET", "PUT"):
        status, headers, body = c.request(method, "/o/token/")
        check(status == 405 and headers.get("allow") == "POST, OPTIONS" and body == b"",
              "%s /o/token/: 405, Allow: POST, OPTIONS (got %d %r)" % (method, status, headers.get("allow")))
    status, headers, _ = c.request("POST", "/o/token")
    check(status == 301 and headers.get("location") == "/o/token/", "/o/token without slash: 301 to /o/token/")
    return token


def client_credentials(c):
    status, _, body = c.form("/o/token/", {"grant_type": "client_credentials", "client_id": ENV["CC_CLIENT_ID"],
                                           "client_secret": ENV["CC_CLIENT_SECRET"]})
    check(status == 200, "client_credentials with the secret in the body: 200 (got %d %r)" % (status, body))
    token = json.loads(body, object_pairs_hook=list)
    check([k for k, _ in token] == ["access_token", "expires_in", "token_type", "scope"],
          "client_credentials: no refresh_token, key order %r" % [k for k, _ in token])
    access = dict(token)["access_token"]
    status, _, body = c.api("GET", "/api/users/", access)
    check(status == 403 and json.loads(body) == {"detail": "You do not have permission to perform this action."},
          "a token with no user: 403 (got %d %r)" % (status, body))
    return access


def api_authentication(c, token):
    status, headers, body = c.api("GET", "/api/users/")
    check(status == 401 and body == b'{"detail":"Authentication credentials were not provided."}',
          "no token: 401 with DRF's compact body (got %d %r)" % (status, body))
    check(headers.get("www-authenticate") == 'Bearer realm="api"', "no token: WWW-Authenticate realm only")
    check(headers.get("content-type") == "application/json", "401: Content-Type application/json")
    status, headers, body = c.api("GET", "/api/users/", "wrong")
    check(status == 401 and body == b'{"detail":"Authentication credentials were not provided."}',
          "unknown token: 401, same body (got %d %r)" % (status, body))
    check(headers.get("www-authenticate") ==
          'Bearer realm="api",error="invalid_token",error_description="The access token is invalid."',
          "unknown token: WWW-Authenticate %r" % headers.get("www-authenticate"))
    status, _, _ = c.request("GET", "/api/users/", headers={"Authorization": "bearer " + token})
    check(status == 200, "the scheme is case-insensitive")
    status, _, _ = c.request("GET", "/api/users/?access_token=" + token)
    check(status == 200, "?access_token= works")
    status, _, _ = c.api("PATCH", "/api/users/")
    check(status == 401, "authentication runs before the method check: PATCH on the list without a token is 401")


def pagination(c, token):
    status, _, body = c.api("GET", "/api/users/", token)
    page = json.loads(body, object_pairs_hook=list)
    check(status == 200 and [k for k, _ in page] == ["count", "next", "previous", "results"], "list: keys in order")
    check([k for k, _ in dict(page)["results"][0]] == ["id", "username", "email", "first_name", "last_name"],
          "user fields in order")
    page = json.loads(body)
    check(page["count"] >= 46 and len(page["results"]) == 20, "list: 20 per page of %d" % page["count"])
    check(page["next"] == c.base + "/api/users/?page=2" and page["previous"] is None,
          "list: absolute next link %r" % page["next"])
    status, _, body = c.api("GET", "/api/users/?page=2", token)
    check(status == 200 and json.loads(body)["previous"] == c.base + "/api/users/",
          "page 2: previous link has no page=1")
    status, _, body = c.api("GET", "/api/users/?username=alice&page=2", token)
    check(status == 404 and json.loads(body) == {"detail": "Invalid page."}, "empty filter + page=2: 404")
    for bad in ("999", "abc", "0", "-1", ""):
        status, _, body = c.api("GET", "/api/users/?page=" + bad, token)
        check(status == 404 and body == b'{"detail":"Invalid page."}', "page=%s: 404 Invalid page." % bad)
    status, _, body = c.api("GET", "/api/users/?email=alice@example.com&foo=bar", token)
    found = json.loads(body)
    check(status == 200 and found["count"] == 1 and found["results"][0]["username"] == "alice",
          "email filter, unknown parameter ignored")
    status, _, body = c.api("GET", "/api/users/?username=ALICE", token)
    check(json.loads(body)["count"] == 0, "filters are exact and case-sensitive")
    status, _, body = c.request("GET", "/api/users/?foo=bar", headers={"Authorization": "Bearer " + token,
                                                                       "Host": "localhost"})
    check(json.loads(body)["next"] == "http://localhost/api/users/?foo=bar&page=2",
          "links from the Host header, other parameters kept (got %r)" % json.loads(body)["next"])


def create_and_detail(c, token):
    name = "contract-" + uuid.uuid4().hex[:10]
    payload = json.dumps({"username": name, "email": name + "@example.com", "password": "pw-" + name})
    status, headers, body = c.api("POST", "/api/users/", token, payload)
    created = json.loads(body, object_pairs_hook=list)
    check(status == 201 and [k for k, _ in created] == ["id", "username", "email", "first_name", "last_name"],
          "create: 201 with the user, no password (got %d %r)" % (status, body))
    user_id = dict(created)["id"]
    check("location" not in headers, "create: no Location header")
    status, _, body = c.api("POST", "/api/users/", token, payload)
    check(status == 400 and json.loads(body)["username"] == ["A user with that username already exists."],
          "duplicate username: DRF's message (got %d %r)" % (status, body))
    status, _, body = c.api("POST", "/api/users/", token, '{"username": }')
    check(status == 400 and json.loads(body) ==
          {"detail": "JSON parse error - Expecting value: line 1 column 14 (char 13)"},
          "malformed JSON: DRF's message (got %d %r)" % (status, body))
    status, _, body = c.api("POST", "/api/users/", token, "hello", "text/plain")
    check(status == 415 and json.loads(body) == {"detail": 'Unsupported media type "text/plain" in request.'},
          "text/plain: 415 (got %d %r)" % (status, body))
    status, _, body = c.api("PATCH", "/api/users/%d/" % user_id, token, '{"first_name": "Ada"}')
    check(status == 200 and json.loads(body)["first_name"] == "Ada", "PATCH detail")
    status, _, body = c.api("DELETE", "/api/users/%d/" % user_id, token)
    check(status == 204 and body == b"", "DELETE: 204, empty body")
    status, _, body = c.api("GET", "/api/users/%d/" % user_id, token)
    check(status == 404 and json.loads(body) == {"detail": "Not found."}, "deleted: 404 Not found.")


def refresh_revoke_introspect(c):
    _, _, body = password_grant(c)
    first = json.loads(body)
    basic = (ENV["PASSWORD_CLIENT_ID"], ENV["PASSWORD_CLIENT_SECRET"])
    status, _, body = c.form("/o/token/", {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
                             basic=basic)
    second = json.loads(body)
    check(status == 200 and second["refresh_token"] != first["refresh_token"], "refresh rotates the pair")
    status, _, _ = c.api("GET", "/api/users/", first["access_token"])
    check(status == 401, "after a refresh the old access token is dead")
    status, _, body = c.form("/o/token/", {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
                             basic=basic)
    check(status == 400 and json.loads(body) == {"error": "invalid_grant"}, "reused refresh token: invalid_grant")
    cc = (ENV["CC_CLIENT_ID"], ENV["CC_CLIENT_SECRET"])
    status, _, body = c.form("/o/introspect/", {"token": second["access_token"]}, basic=basic)
    active = json.loads(body, object_pairs_hook=list)
    check(status == 200 and [k for k, _ in active] == ["active", "scope", "exp", "client_id", "username"],
          "introspect by the token's own client: active, keys in order (got %d %r)" % (status, body))
    status, _, body = c.form("/o/introspect/", {"token": second["access_token"]}, basic=(basic[0], "wrong"))
    check(status == 403 and body == b"", "introspect with a wrong secret: 403, empty body (got %d)" % status)
    status, _, body = c.form("/o/revoke_token/", {}, basic=basic)
    check(status == 400 and json.loads(body) == {"error": "invalid_request",
                                                 "error_description": "Missing token parameter."},
          "revoke without token: 400 (got %d %r)" % (status, body))
    status, headers, body = c.form("/o/revoke_token/", {"token": second["access_token"]}, basic=basic)
    check(status == 200 and body == b"", "revoke: 200, empty body (got %d %r)" % (status, body))
    status, _, body = c.form("/o/introspect/", {"token": second["access_token"]}, basic=basic)
    check(status == 200 and json.loads(body) == {"active": False}, "revoked token: active false")
    status, _, _ = c.api("GET", "/api/users/", second["access_token"])
    check(status == 401, "revoked token: 401")
    status, _, body = c.form("/o/revoke_token/", {"token": "unknown-token"}, basic=cc)
    check(status == 200, "revoking an unknown token: 200")


def start_server(binary):
    process = subprocess.Popen([binary, "--demo", "--port", "0", "--db", ":memory:", "--password-iterations",
                                "1000", "--quiet"], stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    for line in process.stdout:
        match = re.match(r"Listening on (http://\S+)", line)
        if match:
            return process, match.group(1)
        if time.monotonic() > deadline:
            break
    process.kill()
    sys.exit("tokenbench-server did not print 'Listening on'")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--base", help="base URL of a running server")
    target.add_argument("--server", help="tokenbench-server binary to start with --demo on port 0")
    args = parser.parse_args()
    process = None
    base = args.base
    if args.server:
        process, base = start_server(args.server)
    try:
        c = Client(base)
        token = token_endpoint(c)["access_token"]
        client_credentials(c)
        api_authentication(c, token)
        pagination(c, token)
        create_and_detail(c, token)
        refresh_revoke_introspect(c)
    finally:
        if process:
            process.terminate()
            process.wait(10)
    print("%s: %d checks, %d failed" % (base, checks, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
