curl -X POST --data-binary @payload.json -H "Content-Type: application/json" http://localhost:8080/ingest
