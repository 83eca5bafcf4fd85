// The examples run one at a time anyway (they build the same library project); run the classes in sequence too.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
