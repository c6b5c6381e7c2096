curl --http2 --retry 3 --cacert ./ca.pem -o out.json -w '%{http_code}' --resolve api.example.com:443:127.0.0.1 https://api.example.com/v1/status
