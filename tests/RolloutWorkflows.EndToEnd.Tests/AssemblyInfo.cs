// Each scenario runs a whole sandbox stack and a worker; two at a time keep a 2-core CI machine responsive
// (the scenarios poll until a condition holds, so slower only means longer, never a different result).
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
