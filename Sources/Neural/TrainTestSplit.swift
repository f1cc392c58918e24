extension Dataset {
    /// Splits the samples at random (seeded) into a training set and a test set.
    ///
    /// The test set gets ⌈m·testFraction⌉ samples (scikit-learn's rounding), the training set the
    /// rest; both must be non-empty. With `stratified`, each class is split on its own, ⌈mₖ·testFraction⌉
    /// of class k going to the test set (a class of one sample goes to training), so both sets keep the
    /// class proportions; the sets are then shuffled. Same data, fraction and seed → same split.
    public func split(testFraction: Double, seed: UInt64, stratified: Bool = false) throws -> (train: Dataset, test: Dataset) {
        guard testFraction.isFinite, testFraction > 0, testFraction < 1 else {
            throw DataError("the test fraction must be between 0 and 1 (exclusive), got \(testFraction)")
        }
        let m = count
        guard m >= 2 else { throw DataError("data set “\(name)” has \(m) sample(s); a split needs at least 2") }
        var rng = SeededRandom(seed: seed)
        var trainIdx: [Int] = [], testIdx: [Int] = []
        if stratified {
            guard isClassification else {
                throw DataError("data set “\(name)” has no classes to stratify by (it is a regression set)")
            }
            var byClass = [[Int]](repeating: [], count: classCount)
            for (i, l) in labels.enumerated() { byClass[l].append(i) }
            for var members in byClass where !members.isEmpty {
                rng.shuffle(&members)
                let nTest = members.count == 1 ? 0 : min(members.count - 1, testCount(members.count, testFraction))
                testIdx += members[0..<nTest]
                trainIdx += members[nTest...]
            }
            rng.shuffle(&testIdx)
            rng.shuffle(&trainIdx)
        } else {
            let perm = rng.permutation(m)
            let nTest = min(m - 1, testCount(m, testFraction))
            testIdx = Array(perm[0..<nTest])
            trainIdx = Array(perm[nTest...])
        }
        guard !testIdx.isEmpty, !trainIdx.isEmpty else {
            throw DataError("splitting \(m) samples with test fraction \(testFraction) leaves one of the sets empty")
        }
        return (subset(trainIdx, name: name + " (train)"), subset(testIdx, name: name + " (test)"))
    }

    /// ⌈n·f⌉, computed so that 0.25·100 is exactly 25 (a product a hair above an integer in binary
    /// floating point is not rounded up).
    private func testCount(_ n: Int, _ f: Double) -> Int {
        let p = Double(n) * f
        let r = p.rounded()
        return abs(p - r) < 1e-9 ? Int(r) : Int(p.rounded(.up))
    }
}
