curl 'https://login.example.com/accounts/login/' \
  -H 'accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' \
  -H 'content-type: application/x-www-form-urlencoded' \
  -H 'origin: https://login.example.com' \
  --data-raw 'csrfmiddlewaretoken=AbCdEf123&username=alice%40example.com&password=s3cr3t%21&next=%2Fdashboard%2F'
