curl -X PUT \
  https://api.example.com/v1/settings \
  -H 'Content-Type: application/json' \
  -d '{"theme":"dark"}'
