curl --connect-timeout 3 -m 20.5 -x http://proxy.internal:3128 https://api.example.com/health
