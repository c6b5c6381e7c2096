curl "https://api.example.com/items" -H "X-Note: say \"hi\" to \$HOME and \\o/" -d "{\"price\": \"\$5\"}" -H "Content-Type: application/json"
