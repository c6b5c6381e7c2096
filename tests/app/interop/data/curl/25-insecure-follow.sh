curl -kL --max-redirs 5 https://self-signed.badssl.com/
