"""A PrairieLearn question whose numbers are derivs' variant of a problem: put it in questions/<name>/server.py.

PrairieLearn gives each variant of a question its own `variant_seed`; generate() turns it into derivs' seed,
prints the variant's data and keeps the seed in params; grade() grades each submitted LaTeX answer against that
same variant with derivs (its CPU limits and feedback). The image needs derivs installed (pip install derivs, or the
wheels `derivs prairielearn` writes). question.html shows {{{params.given}}} and one <pl-string-input> per part:

    <pl-question-panel>{{{params.given}}}</pl-question-panel>
    {{#params.parts}}<p>{{{prompt}}}</p><pl-string-input answers-name="{{name}}" label="$=$"></pl-string-input>{{/params.parts}}
"""

import derivs

PROBLEM = "backprop_by_hand"  # any problem with parameters: `derivs list` marks them
SALT = "replace-with-your-course-salt"  # keep it private: with it anyone can work out every variant


def generate(data):
    seed = derivs.student_seed(SALT, str(data["variant_seed"]))
    problem = derivs.variant(PROBLEM, seed)
    data["params"]["derivs_seed"] = seed
    data["params"]["given"] = problem.given or problem.statement
    data["params"]["parts"] = [{"name": part.name, "prompt": part.prompt} for part in problem.parts]


def grade(data):
    seed = data["params"]["derivs_seed"]
    total = 0.0
    for part in derivs.variant(PROBLEM, seed).parts:
        answer = str(data["submitted_answers"].get(part.name, ""))
        result = derivs.grade(f"{PROBLEM}.{part.name}", answer, seed=seed)
        score = 1.0 if result.verdict in ("correct", "unproved") else 0.0
        data["partial_scores"][part.name] = {"score": score, "weight": part.points, "feedback": f"{result.verdict}: {result.feedback}"}
        total += score * part.points
    data["score"] = total / sum(part.points for part in derivs.variant(PROBLEM, seed).parts)
