-- Cycles through the request paths in the file named by the PATHS environment variable, one per line,
-- so that a wrk run does not hit one cached answer.
local paths = {}
local counter = 0

local file = io.open(os.getenv("PATHS"), "r")
if file then
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
end

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
