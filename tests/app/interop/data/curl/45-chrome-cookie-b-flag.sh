curl 'https://shop.example.com/cart' \
  -H 'accept: text/html' \
  -b 'cart_id=42; _ga=GA1.1.1234567890.1700000000' \
  -H 'user-agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'
