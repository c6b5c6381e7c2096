curl -X PATCH --data-ascii 'first_name=Ada&last_name=Lovelace' https://api.example.com/people/1815
