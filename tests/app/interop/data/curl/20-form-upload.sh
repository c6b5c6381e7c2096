curl -F "file=@/home/user/report.pdf;type=application/pdf" -F "title=Q3 report" -F 'tags=finance' https://files.example.com/upload
