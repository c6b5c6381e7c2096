curl --form-string 'note=@not-a-file' -F 'doc=@"my;file.txt"' https://files.example.com/notes
