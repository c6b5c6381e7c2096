-- POST /o/token/ password grant for the demo user (one PBKDF2-SHA256 check per request)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=password&username=" .. os.getenv("DEMO_USERNAME")
        .. "&password=" .. os.getenv("DEMO_PASSWORD")
        .. "&client_id=" .. os.getenv("PASSWORD_CLIENT_ID")
        .. "&client_secret=" .. os.getenv("PASSWORD_CLIENT_SECRET")
