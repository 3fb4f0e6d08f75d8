-- wrk script: POST one transaction per request, as the text's curl line does.
--   wrk -t2 -c32 -d10s --latency -s tools/wrk/post-transaction.lua http://127.0.0.1:5000/transactions/new
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"sender": "d4ee26eee15148ee92c6cd394edd974e", "recipient": "recipient-address", "amount": 5}'
