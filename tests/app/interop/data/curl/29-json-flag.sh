curl --json '{"tool": "curl", "version": "7.82"}' https://example.com/api/tools
