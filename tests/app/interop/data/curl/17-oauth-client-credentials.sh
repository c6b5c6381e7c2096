curl -X POST https://auth.example.com/oauth2/token \
  -H 'Content-Type: application/x-www-form-urlencoded' \
  -d grant_type=client_credentials \
  -d client_id=my-service \
  -d client_secret=Kq8zR2pW5tY7uI9o \
  -d 'scope=read write'
