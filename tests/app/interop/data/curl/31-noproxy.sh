curl --noproxy '*' http://10.0.0.12:9200/_cluster/health?pretty
