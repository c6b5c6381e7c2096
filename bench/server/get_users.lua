-- GET /api/users/ with a bearer token taken from $TOKEN (as the Django peer's bench/get_users.lua)
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
