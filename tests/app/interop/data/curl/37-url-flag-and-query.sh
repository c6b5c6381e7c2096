curl --url https://api.example.com/v1/users --url-query 'filter=active users' --url-query page=2
