curl -v -u 'deploy:pa55word' -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' https://registry.example.com/v2/app/manifests/latest
