curl -T ./backup.tar.gz -H 'Content-Type: application/gzip' https://storage.example.com/buckets/b1/backup.tar.gz
