# Create a webhook (from the API docs)
curl	-X POST	https://hooks.example.com/v1/webhooks \
	-H "Content-Type: application/json" \
	-d '{"url": "https://example.com/hook", "events": ["push"]}'
