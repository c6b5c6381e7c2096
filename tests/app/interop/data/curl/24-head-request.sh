curl -I https://example.com/
