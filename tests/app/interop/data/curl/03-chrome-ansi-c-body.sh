curl 'https://www.example.org/graphql' \
  -H 'content-type: application/json' \
  -H 'authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl' \
  --data-raw $'{"operationName":"Search","variables":{"q":"caf\u00e9 \'latte\'"},"query":"query Search($q: String!) {\\n  search(q: $q) { id }\\n}"}' \
  --compressed
