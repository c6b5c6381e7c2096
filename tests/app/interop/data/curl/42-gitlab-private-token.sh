curl --header "PRIVATE-TOKEN: glpat-xxxxxxxxxxxxxxxxxxxx" "https://gitlab.example.com/api/v4/projects/5/merge_requests?state=opened"
