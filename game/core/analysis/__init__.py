"""After (and across) games: outcomes, results, the Pareto frontier and Nash point, simulations."""
