-- Posts a new pair on every request (POST /v1/segments, application/json): each thread numbers its own
-- pairs, so every write stores a new row rather than refreshing one.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"ko":"부하 시험 %d-%d번 문장이 저장된다.","en":"Load test sentence %d-%d is stored.","origin":"load"}',
    thread_id, counter, thread_id, counter)
  return wrk.format("POST", "/v1/segments", { ["Content-Type"] = "application/json" }, body)
end
