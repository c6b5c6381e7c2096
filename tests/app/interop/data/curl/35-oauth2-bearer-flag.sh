curl --oauth2-bearer mF_9.B5f-4.1JqM https://resource.example.com/api/me
