curl 'https://app.example.com/api/v2/projects' \
  -H 'accept: application/json, text/plain, */*' \
  -H 'content-type: application/json' \
  -H 'cookie: sessionid=8f2b1c0e9d7a6b5c4d3e2f1a; csrftoken=Zx9Yw8Vu7Ts6Rq5Po4' \
  -H 'origin: https://app.example.com' \
  -H 'referer: https://app.example.com/projects/new' \
  -H 'x-csrftoken: Zx9Yw8Vu7Ts6Rq5Po4' \
  --data-raw '{"name":"Tokenbench","visibility":"private","tags":["qt","oauth"]}'
