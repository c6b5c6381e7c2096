curl 'https://upload.example.com/api/files' \
  -H 'accept: */*' \
  -H 'content-type: multipart/form-data; boundary=----WebKitFormBoundaryq7MA4YWxkTrZu0gW' \
  --data-raw $'------WebKitFormBoundaryq7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name="title"\r\n\r\nQuarterly report\r\n------WebKitFormBoundaryq7MA4YWxkTrZu0gW--\r\n'
