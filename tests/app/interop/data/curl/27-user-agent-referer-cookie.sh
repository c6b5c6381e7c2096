curl -A 'tokenbench-test/1.0' -e 'https://www.example.com/start' -b 'theme=dark; lang=en' -b 'tz=UTC' https://www.example.com/profile
