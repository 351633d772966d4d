"""The published test vectors of the EcoIndex method. Run: python3 -m unittest discover -s scripts"""
import unittest

import ecoindex


class EcoIndexTests(unittest.TestCase):
    def test_published_vectors(self):
        self.assertEqual(ecoindex.score(240, 20, 331), 83)
        self.assertEqual(ecoindex.score(100, 100, 100), 72)

    def test_bounds(self):
        self.assertEqual(ecoindex.score(0, 0, 0), 100)
        self.assertEqual(ecoindex.score(10**7, 10**5, 10**7), 0)

    def test_grades(self):
        self.assertEqual([ecoindex.grade(v) for v in (81, 80, 71, 56, 41, 26, 11, 10)], ["A", "B", "B", "C", "D", "E", "F", "G"])


if __name__ == "__main__":
    unittest.main()
