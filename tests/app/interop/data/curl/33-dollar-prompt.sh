$ curl -X GET "http://localhost:9200/twitter/_search?q=user:kimchy&pretty"
