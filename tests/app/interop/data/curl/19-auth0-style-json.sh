curl --request POST \
  --url https://YOUR_DOMAIN/api/v2/users \
  --header 'authorization: Bearer MGMT_API_ACCESS_TOKEN' \
  --header 'content-type: application/json' \
  --data '{"email":"john.doe@gmail.com","connection":"Username-Password-Authentication","password":"P4ssw0rd!"}'
