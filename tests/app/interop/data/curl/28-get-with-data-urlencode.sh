curl -G 'https://api.example.com/search' --data-urlencode 'q=hello world & friends' --data-urlencode 'lang=en'
