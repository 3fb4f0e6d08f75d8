-- wrk script: POST signed payments to the complete node, each wrk thread the payments of one wallet, in nonce order.
-- Start the node with its funded wallets first (bench's PaymentServer), then, with as many threads as connections:
--   PAYMENTS=/tmp/payments wrk -t16 -c16 -d10s --latency -s tools/wrk/post-payment.lua http://127.0.0.1:5000/transactions/new
local threads = 0

function setup(thread)
  thread:set("wallet", threads)
  threads = threads + 1
end

function init(args)
  local dir = os.getenv("PAYMENTS") or "/tmp/payments"
  payments = {}
  for line in io.lines(dir .. "/payments-" .. wallet .. ".json") do
    payments[#payments + 1] = line
  end
  sent = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

-- wrk may call request() once more than it sends (to check the script), so the next payment is only the one after
-- an accepted payment.
function request()
  if sent >= #payments then
    error("wallet " .. wallet .. " has sent all its " .. #payments .. " payments: write more with --payments")
  end
  return wrk.format(nil, nil, nil, payments[sent + 1])
end

function response(status, headers, body)
  if status == 201 then
    sent = sent + 1
  end
end
