curl -sSfL -XPATCH -H'Content-Type: application/json' -d'{"enabled":false}' https://api.example.com/v1/features/dark-mode
